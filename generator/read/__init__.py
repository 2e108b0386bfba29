"""Reading one raw page (`page`): its bytes decoded and checked, what the archive's metadata file
and its sidecar say of it, and its lines normalised once (`page.PageText`), which every later
stage takes spans of instead of joining lines again. May import `text`."""
