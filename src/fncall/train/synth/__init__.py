"""Synthetic function-calling data for the house model.

So far: the catalog of everyday domains (:mod:`.catalog`, :mod:`.domains`) and the seeded
value generators with their surface forms (:mod:`.values`). Tool composition, query
rendering and the refinement stages build on these.
"""
