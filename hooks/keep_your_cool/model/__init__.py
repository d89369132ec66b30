"""What the site is: its languages, pages and addresses (site), its own words (words), what a page
says (markdown_facts) and which English revision each translation follows (translation_records).
Read by the hooks, the checks, the scripts, the tests and the benchmarks alike."""
