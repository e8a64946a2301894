"""The one read layer: every question the CLI, the JSON API, the pages and the report ask of the store.

Like datasette's one query path behind HTML, JSON and the command line: each reader builds a typed filter
(:class:`ArticleFilter`), calls a function here and renders the pydantic shape it gets back
(:mod:`accord.store.queries.shapes`). One search rule (:mod:`~accord.store.queries.search`), one outlet
rule (:func:`~accord.store.queries.filters.outlet_matches`), one definition of each count
(:func:`store_counts`), of "needs extraction" and of "the store changed" (:mod:`~accord.store.queries.state`).
"""

from accord.store.queries.articles import (
    article_detail,
    cluster,
    clusters,
    list_articles,
    outlets,
    texts,
)
from accord.store.queries.counts import articles_per_outlet, cluster_sizes, published_by, store_counts
from accord.store.queries.filters import ArticleFilter, article_conditions, outlet_matches
from accord.store.queries.items import actor_exists, actors, events, issues, positions, quotes
from accord.store.queries.shapes import ArticlePage, ArticleSummary, Counts
from accord.store.queries.state import CLUSTERING, CONTENT, needs_extraction, store_state

__all__ = [
    "CLUSTERING",
    "CONTENT",
    "ArticleFilter",
    "ArticlePage",
    "ArticleSummary",
    "Counts",
    "actor_exists",
    "actors",
    "article_conditions",
    "article_detail",
    "articles_per_outlet",
    "cluster",
    "cluster_sizes",
    "clusters",
    "events",
    "issues",
    "list_articles",
    "needs_extraction",
    "outlet_matches",
    "outlets",
    "positions",
    "published_by",
    "quotes",
    "store_counts",
    "store_state",
    "texts",
]
