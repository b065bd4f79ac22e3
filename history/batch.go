package history

import (
	"context"
	"fmt"
)

// AddAll stores entries in one transaction, in order, and returns their ids; it
// applies retention as Add does, once for the whole batch: a writer that takes
// many exchanges a second (the recording proxy) pays one commit for many rows
// instead of one each. Either every entry is stored or none is.
func (s *Store) AddAll(ctx context.Context, entries []Entry) ([]int64, error) {
	if err := s.wait(); err != nil {
		return nil, err
	}
	records := make([]record, len(entries))
	for i, e := range entries {
		r, err := s.newRecord(e)
		if err != nil {
			return nil, fmt.Errorf("history: %w", err)
		}
		records[i] = r
	}
	tx, err := s.begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	defer tx.Rollback()
	ids := make([]int64, len(records))
	type request struct{ file, name string }
	var touched []request
	seen := map[request]bool{}
	for i, r := range records {
		if ids[i], err = insert(ctx, tx, r); err != nil {
			return nil, fmt.Errorf("history: storing exchange: %w", err)
		}
		if k := (request{r.e.File, r.e.Name}); !seen[k] {
			seen[k] = true
			touched = append(touched, k)
		}
	}
	for _, k := range touched {
		if err := s.pruneRequest(ctx, tx, k.file, k.name); err != nil {
			return nil, fmt.Errorf("history: pruning: %w", err)
		}
	}
	if err := s.pruneSize(ctx, tx); err != nil {
		return nil, fmt.Errorf("history: pruning: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	return ids, nil
}
