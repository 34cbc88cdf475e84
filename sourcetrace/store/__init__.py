"""The store: traced documents kept in one SQLite file, to query figures across many reports.

    from sourcetrace import batch
    from sourcetrace.ingest import Inputs
    from sourcetrace.store import Store

    with Store.open("sourcetrace.db") as store:
        report = batch.run(Inputs(["reports/", "crawl.warc.gz"], passed_over=store.files()), store)
        print(report.summary())                 # "12 new, 3 already in the store, 1 skipped"
        for figure in store.figures(indicator="desertion", period_from="2024-01"):
            print(figure["value"], figure["chain"])
        for trace in store.traces():            # every Trace.to_dict(), e.g. for reconciliation
            ...

Tables: ``documents`` (one per distinct text, with the key of where it came from), ``traces`` (the
whole trace as JSON, with what made it), ``figures``
(one flat row per figure), ``skipped`` (inputs that gave no document, with the reason) and
``migrations`` (which schema steps the file has had). See ``schema.py``.
"""
from .errors import StoreError, StoreMissing
from .store import DEFAULT_PATH, Store

__all__ = ["Store", "StoreError", "StoreMissing", "DEFAULT_PATH"]
