"""Tests of generator/pages/, one module per room: what each page family shows, in the built fixture site."""
