"""Importers for published negotiation data sets (BDM tables, KTAB, decide exchange model, DEU)."""
