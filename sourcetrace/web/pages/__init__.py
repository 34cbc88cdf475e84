"""One module per page: ``handle(state, request)`` builds the page's data object, ``body(data)``
writes it as HTML. The JSON of a page is its data object itself."""
