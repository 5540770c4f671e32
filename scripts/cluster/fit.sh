#!/bin/sh
# Fits the story clusterer's join model on the labelled development sets and
# prints the weights to paste into internal/cluster/model.go, with B-cubed
# scores on each set and a cross-check between halves of the events.
# Needs the development data: PARALLAX_DATA (default ../shared/data).
set -eu
cd "$(dirname "$0")/../.."
PARALLAX_DATA="${PARALLAX_DATA:-$(pwd)/../shared/data}" PARALLAX_FIT=1 \
	go test ./internal/cluster -run '^TestFitModel$' -count=1 -v
