package ui

import (
	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/actions"
	"github.com/httplens/httplens/ui/traffic"
)

// TrafficConfig is what the traffic program needs from the command line.
type TrafficConfig = traffic.Config

// Traffic is the program that shows traffic httplens did not send (a HAR file,
// the proxy's records); see package traffic.
type Traffic = traffic.Model

// NewTraffic returns the traffic program for cfg, drawing with st, its keys from
// the action table's traffic scope with help and quit.
func NewTraffic(cfg TrafficConfig, st Styles) Traffic {
	global := newKeySet(cfg.Keys, settings.ScopeGlobal)
	return traffic.New(cfg, st, traffic.Keys{Scope: newKeySet(cfg.Keys, actions.Traffic),
		Help: global.Get(actionHelp), Quit: global.Get(actionQuit)})
}
