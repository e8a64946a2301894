"""The pipeline's own spaCy components, registered with ``Language.factory`` on import."""

from accord.extract.components import (  # noqa: F401  (registers the factories)
    actor_linking,
    confidence,
    event_detection,
    paragraphs,
    position_detection,
    quote_attribution,
)
