package main

import (
	"context"
	"errors"
)

func runStories(ctx context.Context, e *env, args []string) error {
	return errors.New("stories is not built yet")
}
