"""What every platform and the PDF render from: dossier text, timeline, labels, dates; no platform imports."""
