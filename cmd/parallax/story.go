package main

import (
	"context"
	"errors"
)

func runStory(ctx context.Context, e *env, args []string) error {
	return errors.New("story is not built yet")
}
