"""What the page models call above them (context builders, views), handed in by ConsultationsConfig.ready():
the models never import the services and views that import them."""

HANDLERS = {}
