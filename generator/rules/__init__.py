"""Rules: what the records must be and agree on, one module per family.

Rules over the assembled records share one signature, `Rule` in `common`: they take the dataset and
a `Context` and yield problems. `registry.RULES` lists them in the order they run. The checks of one
file as typed (`mistakes`, `privacy`, `ids.identity_problems`, `plan_text`, `settings`) run where that
file is read, before any dataset exists, inside the cached check of one file.
"""
