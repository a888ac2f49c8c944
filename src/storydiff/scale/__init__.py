"""Scale: many articles, many stories, one machine or a Dask cluster.

    source    documents as one stream, cut into numbered partitions with fingerprints
    features  what grouping reads of one article: a MinHash signature, names and terms
    worker    one partition: clean, analyse, features → flat Arrow tables (runs on Dask)
    tables    the Parquet schemas, one flat table per record kind with article key + offsets
    manifest  which partitions are finished, written atomically after each one
    runner    the batch: partitions over Dask, Parquet out, resume, then grouping
    lsh       near-duplicate index with its buckets on disk (memory stays flat)
    stories   streaming story grouping with bounded memory

Only ``features``, ``lsh`` and ``stories`` are imported by the evaluation and the
benchmarks; nothing here imports spaCy or Dask at module level.
"""
