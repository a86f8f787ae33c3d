module lemstep

go 1.26
