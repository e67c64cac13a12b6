"""The meldcode's rules as data and pure functions: the afwegingskader, case states, access, working days."""
