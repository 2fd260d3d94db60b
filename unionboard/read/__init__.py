"""Safe reading of workbooks: limits, zip checks, calamine (in parts for large sheets), xlrd."""
