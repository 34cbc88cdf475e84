"""Reading inputs: text, HTML and JSON lines files, or standard input, into Documents.

    for item in read_inputs(["report.txt", "feed.jsonl"], Overrides(outlet="TASS")):
        if isinstance(item, InputProblem):
            print(item)          # "feed.jsonl:7: [E020] not valid JSON ..."
        else:
            trace(item)
"""
from .dispatch import EXTENSIONS, Inputs, choose_reader, read_inputs
from .document import ReadDocument
from .overrides import Overrides
from ..model.problems import InputProblem
from .source import DEFAULT_MAX_BYTES, parse_size

__all__ = ["read_inputs", "Inputs", "EXTENSIONS", "choose_reader", "Overrides", "InputProblem", "ReadDocument",
           "DEFAULT_MAX_BYTES", "parse_size"]
