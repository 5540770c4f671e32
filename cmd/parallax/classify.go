package main

import (
	"context"
	"errors"
)

func runClassify(ctx context.Context, e *env, args []string) error {
	return errors.New("classify is not built yet")
}
