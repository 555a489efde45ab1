fn main() {} // placeholder so the workspace parses; the extract helper replaces it
