print("lendline")
