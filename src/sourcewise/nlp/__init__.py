"""The analysis pipeline: one spaCy Language with sourcewise components.

``build.py`` makes the Language, ``components/`` holds one Doc -> Doc component
per concern, ``lexicons/`` the reviewed data files they read, and ``collect.py``
turns an annotated Doc into a Report.
"""
