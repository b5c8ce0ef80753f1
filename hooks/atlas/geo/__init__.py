"""Places: the country outlines shipped with the package, and the questions the data check asks
of them (which country a point falls in). Records and rules only; drawing is `atlas.maps`.

The outlines come from Natural Earth (public domain) by way of the `world-atlas` npm package;
`scripts/map_extract.py` regenerates the JSON files in this folder.
"""
