package ui

import (
	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/uikit"
)

// Smallest terminals the forced layouts still draw; below them, one pane at a time.
const (
	minForcedWideW = 60
	minForcedWideH = 16
	minStackedH    = 14
)

// layoutFor computes the layout the settings ask for: wide keeps the four panes
// in two rows of two down to a smaller terminal than auto does, stacked puts them
// one above the other at full width, and auto (or "") is layout.
func layoutFor(mode string, w, h int) screenLayout {
	switch mode {
	case settings.LayoutWide:
		if w >= minForcedWideW && h >= minForcedWideH && (w < minWideW || h < minWideH) {
			return wideLayout(w, h)
		}
	case settings.LayoutStacked:
		if h >= minStackedH && w >= treeMinW {
			return stackedLayout(w, h)
		}
	}
	return layout(w, h)
}

// wideLayout is layout's four-pane arrangement at any size.
func wideLayout(w, h int) screenLayout {
	l := screenLayout{Status: rect{0, h - 2, w, 1}, Help: rect{0, h - 1, w, 1}}
	bodyH := h - 2
	topH := bodyH * 2 / 5
	treeW := uikit.Clamp(w/3, 16, 48)
	respW := w * 3 / 5
	l.Panes[paneTree] = rect{0, 0, treeW, topH}
	l.Panes[paneRequest] = rect{treeW, 0, w - treeW, topH}
	l.Panes[paneResponse] = rect{0, topH, respW, bodyH - topH}
	l.Panes[paneExplain] = rect{respW, topH, w - respW, bodyH - topH}
	return l
}

// stackedLayout puts the four panes one above the other, the response tallest.
func stackedLayout(w, h int) screenLayout {
	l := screenLayout{Stacked: true, Status: rect{0, h - 2, w, 1}, Help: rect{0, h - 1, w, 1}}
	bodyH := h - 2
	treeH, reqH, explH := bodyH/5, bodyH/4, bodyH/5
	respH := bodyH - treeH - reqH - explH
	y := 0
	for p, ph := range [paneCount]int{treeH, reqH, respH, explH} {
		l.Panes[p] = rect{0, y, w, ph}
		y += ph
	}
	return l
}
