"""Tests of generator/kinds/: each record kind declared once, on its data class."""
