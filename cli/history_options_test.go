package cli

import (
	"testing"

	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui"
)

// The settings file's history defaults are a copy of history's (settings does not
// import history, so SQLite stays out of it); this holds the two equal.
func TestSettingsHistoryDefaultsAreHistorys(t *testing.T) {
	h := settings.Defaults(ui.Actions()).History
	if h.KeepPerRequest != history.DefaultKeepPerRequest || h.MaxSize != history.DefaultMaxBytes || h.MaxBody != history.DefaultMaxBody {
		t.Errorf("settings history defaults %+v differ from history's (%d, %d, %d)", h,
			history.DefaultKeepPerRequest, history.DefaultMaxBytes, history.DefaultMaxBody)
	}
}

// In the settings file 0 means "no limit"; history.Options says that with -1.
func TestHistoryOptionsFromSettings(t *testing.T) {
	o := historyOptions(settings.History{KeepPerRequest: 0, MaxSize: 1e9, MaxBody: 512 << 10, StoreSecrets: true})
	if o.KeepPerRequest != -1 || o.MaxBytes != 1e9 || o.MaxBody != 512<<10 || !o.StoreSecrets {
		t.Errorf("options %+v", o)
	}
	if o := historyOptions(settings.History{KeepPerRequest: 3}); o.KeepPerRequest != 3 || o.MaxBytes != -1 {
		t.Errorf("options %+v", o)
	}
}
