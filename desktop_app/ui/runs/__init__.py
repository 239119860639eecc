"""The runs tab: table model, filters, loader, actions and the view assembling them."""
