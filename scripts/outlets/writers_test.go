package main

import (
	"testing"

	"github.com/parallax-news/parallax/internal/outlet"
)

func TestBuildWriters(t *testing.T) {
	tb := &tables{writers: []row{
		{Name: "Jane Columnist", AllSidesName: "Jane Columnist", AllSidesRating: "right-center", AllSidesConfidence: "Medium"},
		{Name: "Sam Drawer (cartoonist)", AllSidesName: "Sam Drawer (cartoonist)", AllSidesRating: "left"},
		{Name: "Both News", AllSidesName: "Both News", AllSidesRating: "center"},         // an outlet's name
		{Name: "Mixed Writer", AllSidesName: "Mixed Writer", AllSidesRating: "allsides"}, // no usable rating
		{Name: "Jane Columnist", AllSidesName: "Jane Columnist", AllSidesRating: "left"}, // listed twice: first wins
		{Name: "Ann Author (Daily)", AllSidesName: "Ann Author (Daily)", AllSidesRating: "center"},
	}}
	outlets := []outlet.Outlet{{Name: "Both News", Aliases: []string{"Both"}}}
	got := buildWriters(quiet(), tb, outlets)
	want := []outlet.Writer{
		{Name: "Ann Author", LeftRight: 0, LeftRightSource: `AllSides (2019 snapshot): center (as "Ann Author (Daily)")`},
		{Name: "Jane Columnist", LeftRight: 1, LeftRightSource: "AllSides (2019 snapshot): lean right, confidence medium"},
		{Name: "Sam Drawer", LeftRight: -2, LeftRightSource: `AllSides (2019 snapshot): left (as "Sam Drawer (cartoonist)")`},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d writers, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("writer %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	// What the script writes must load.
	r, err := outlet.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.SetWriters(got); err != nil {
		t.Errorf("built writers do not validate: %v", err)
	}
}
