"""Files to take away: xlsx, docx, pptx, the blank template; formula-safe cell writing."""
