"""One use case per module: what a person does with a case, each in its own transaction through the gate."""
