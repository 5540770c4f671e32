package main

import (
	"context"
	"errors"
)

func runCrawl(ctx context.Context, e *env, args []string) error {
	return errors.New("crawl is not built yet")
}
