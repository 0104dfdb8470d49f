-- A pid alone does not identify a process: pids are reused, soon after a reboot especially, and a scan left
-- `running` by a killed run could then look alive for ever. Record the process's start (boot id and start time,
-- from /proc) beside it; `recover_abandoned` compares both.
ALTER TABLE scans ADD COLUMN process TEXT NOT NULL DEFAULT '';
