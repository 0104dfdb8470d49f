"""What a scan is told: declared defaults and limits, firm profiles and input schemas, the resolved configuration."""
