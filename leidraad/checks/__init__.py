"""The content checker: check_folder and its rules, by what they check."""
