package session

import (
	"maps"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collrun"
	"github.com/httplens/httplens/ui/clipboard"
	"github.com/httplens/httplens/ui/cookiejars"
	"github.com/httplens/httplens/ui/dialogs"
	"github.com/httplens/httplens/ui/flight"
	"github.com/httplens/httplens/ui/labview"
	"github.com/httplens/httplens/ui/requestpane"
	"github.com/httplens/httplens/ui/responsepane"
	"github.com/httplens/httplens/ui/saving"
	"github.com/httplens/httplens/ui/varsview"
)

// The session's smaller tools, each a few lines over its own package: the
// cookie jars, the cache lab, the variables overlay and copying.

// CookiesOpen opens the cookies view on the current environment's jar, listing
// it and resolving the request shown in commands; with cookies off it says so.
func (s *Session) CookiesOpen(p Parts) Outcome {
	list, status, ok := s.jars.Open(p.Env)
	if !ok {
		return said(status, false)
	}
	p.Overlay.Open(dialogs.CookiesView(cookiejars.EnvName(p.Env)))
	r := p.Req.Request()
	if r == nil {
		return Outcome{Cmd: list}
	}
	resolve, last := s.Resolver(p), maps.Clone(s.last)
	return Outcome{Cmd: tea.Batch(list, cookiejars.TargetCmd(p.Env, func() (string, error) {
		req, err := resolve(r, last, nil)
		return req.URL, err
	}))}
}

// ChangeCookies deletes a cookie or clears the jar, as the cookies view asked.
func (s *Session) ChangeCookies(asked tea.Msg, p Parts) Outcome {
	cmd, status := s.jars.Change(p.Env, asked)
	o := Outcome{Cmd: cmd}
	if status != "" {
		o.say(status, false)
	}
	return o
}

// cookie applies a cookie message (see cookiejars.Handle) to the cookies view;
// ok is false for any other message.
func (s *Session) cookie(msg tea.Msg, p Parts) (Outcome, bool) {
	c, ok := cookiejars.Handle(msg, p.Env)
	if !ok {
		return Outcome{}, false
	}
	var o Outcome
	if c.Status != "" {
		o.say(c.Status, c.IsErr)
	}
	if c.Listed {
		p.Overlay.Listed(c.Cookies)
	}
	if c.Targeted {
		p.Overlay.Targeted(c.Target, c.Now)
	}
	return o, true
}

// CacheLab steps the cache lab off → private → shared → off.
func (s *Session) CacheLab(Parts) Outcome {
	var status string
	s.lab, status = labview.Toggle(s.lab, collrun.ContextSend, s.cfg.Keys.CacheContents, s.cfg.Keys.LabTen)
	return said(status, false)
}

// LabOff says why the lab's actions cannot act: "" when the lab is on.
func (s *Session) LabOff() string {
	if s.lab != nil {
		return ""
	}
	return "the cache lab is off"
}

// CacheContents opens the cache's contents view.
func (s *Session) CacheContents(p Parts) Outcome {
	p.Overlay.Open(dialogs.LabView(labview.New(s.lab)))
	return Outcome{}
}

// LabClock is the step of a clock action: the lab clock moves by d.
func LabClock(d time.Duration) func(*Session, Parts) Outcome {
	return func(s *Session, _ Parts) Outcome { return said(labview.Advance(s.lab, d), false) }
}

// LabToStale advances the clock until the entry of the shown exchange (else the
// first stored one) is stale.
func (s *Session) LabToStale(Parts) Outcome {
	return said(labview.StaleFor(s.lab, s.lastX.Request.Method+" "+s.lastX.Request.URL), false)
}

// Variables lists --var, the environment's variables and the script globals.
func (s *Session) Variables(p Parts) Outcome {
	g := s.scripts.Globals.All()
	p.Overlay.Open(dialogs.TextView(varsview.Title(len(g)), varsview.Lines(p.Env, s.cfg.Vars, p.Vars, g)))
	return Outcome{}
}

// savePrompt opens the path prompt for the body shown.
func (s *Session) savePrompt(p Parts) Outcome {
	sp, ok := saving.Prompt(s.lastX.Response, saving.Ext(p.Resp.Content()))
	if !ok {
		return said("No body to save.", true)
	}
	p.Overlay.Open(dialogs.SavePrompt(sp))
	return Outcome{}
}

// copying takes the copy requests of the panes and what the clipboard says;
// ok is false for any other message.
func (s *Session) copying(msg tea.Msg, p Parts) (Outcome, bool) {
	switch msg := msg.(type) {
	case requestpane.CopyAsCurl:
		if r := p.Req.Request(); r != nil {
			return Outcome{Cmd: clipboard.CurlCmd(s.cfg.Clipboard, flight.Later(s.Resolver(p), r, s.last))}, true
		}
		return Outcome{}, true
	case responsepane.CopyMsg:
		return Outcome{Cmd: clipboard.ResponseCmd(s.cfg.Clipboard, s.lastX.Response, msg.Raw)}, true
	case clipboard.Copied:
		return said(msg.Status()), true
	}
	return Outcome{}, false
}
