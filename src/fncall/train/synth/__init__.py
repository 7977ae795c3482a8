"""Synthetic function-calling data: a catalog of everyday domains, tools composed from it,
queries in many phrasings, and refinement stages that keep only verified examples."""
