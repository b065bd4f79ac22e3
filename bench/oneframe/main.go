// Command oneframe is the baseline of the first-frame benchmark: the least a
// bubbletea program does to paint one full frame — alt screen, a bordered box of
// the terminal's size with a title and a status line, no work before it. The
// TUI's first frame is compared with this one, in the same run (bench/tui_first_frame.sh).
// -fps sets bubbletea's frame rate (default 60, as bubbletea's): the first frame
// waits for the renderer's first tick, so comparing with a program that runs at
// another rate needs both.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

type model struct{ w, h int }

func (m model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
	case tea.KeyMsg:
		return m, tea.Quit
	}
	return m, nil
}

func (m model) View() string {
	if m.w == 0 {
		return ""
	}
	box := lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).Width(m.w - 2).Height(m.h - 3)
	lines := make([]string, m.h-3)
	for i := range lines {
		lines[i] = fmt.Sprintf("line %d %s", i+1, strings.Repeat("·", m.w/3))
	}
	return box.Render("oneframe ready\n"+strings.Join(lines[1:], "\n")) + "\n status: ready"
}

func main() {
	fps := flag.Int("fps", 60, "frames per second of the renderer")
	exit := flag.Bool("exit", false, "end at once, before the program starts: built with -tags heavy, the cost of starting a process that links what httplens links (bench/send_start.sh)")
	flag.Parse()
	if *exit {
		return
	}
	if _, err := tea.NewProgram(model{}, tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithFPS(*fps)).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
