"""What each form's submission does and which dialog follows, the same on every platform: each
adapter reads a submission into `Values` and its metadata, and draws the `Dialog` returned."""
