"""The Norwegian vocabulary shared by every extractor: places and the country gazetteer
(``places``).
"""
