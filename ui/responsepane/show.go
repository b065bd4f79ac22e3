package responsepane

import rc "github.com/httplens/httplens/ui/responsecontent"

// What the root asks of the pane besides its Update: what to show, and what
// is shown.

// SetKeys replaces the pane's bindings (a new keymap from the settings).
func (m *Model) SetKeys(k Keys) { m.keys = k }

// Tab is the tab shown (responsecontent.TabRaw, ...).
func (m *Model) Tab() int { return m.tab }

// Content is the response shown, nil before any. It is never changed in place.
func (m *Model) Content() *rc.Content { return m.content }

// Clear shows no response, naming the request not sent yet (none, already
// sanitised; "" for none selected). The tab chosen stays for the answer to come
// (the Tests tab after a send).
func (m *Model) Clear(none string) {
	t := m.tab
	m.SetContent(nil)
	m.none = none
	m.tab = t
	m.keys.setTab(t)
	m.SetCopyable(false)
}

// ShowReopened shows stored exchange id's content on the Raw tab; the History
// tab marks it as the one shown.
func (m *Model) ShowReopened(c *rc.Content, id int64) {
	m.SetContent(c)
	m.hist.shown = id
	m.tab = rc.TabRaw
	m.keys.setTab(rc.TabRaw)
}
