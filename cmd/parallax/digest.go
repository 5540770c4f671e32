package main

import (
	"context"
	"errors"
)

func runDigest(ctx context.Context, e *env, args []string) error {
	return errors.New("digest is not built yet")
}
