package main

import (
	"context"
	"errors"
)

func runOutlets(ctx context.Context, e *env, args []string) error {
	return errors.New("outlets is not built yet")
}
