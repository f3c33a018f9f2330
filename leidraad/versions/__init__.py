"""Versions of the content: the semantic diff between two versions, git as a source of versions, the
review stamp of the editorial board and the content changelog."""
