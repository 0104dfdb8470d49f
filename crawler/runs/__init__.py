"""A firm's scan as a short pipeline of the stages, batches of firms, output folders and the job lock, stop
requests, the JSON-lines job log, and `analyze` (the same judging from an archive, offline)."""
