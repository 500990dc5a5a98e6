# Stand-in package for the smoke runs: the templates' modules are copied in beside these stand-ins.
