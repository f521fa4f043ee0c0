"""Convert many filings: inputs, worker jobs, the results ledger, the runner and its progress."""
