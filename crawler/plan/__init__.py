"""Targets -> channel plans (what to fetch for each channel kind) and the visitor profiles to fetch them as."""
