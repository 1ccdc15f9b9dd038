# A Ray Serve application that cannot be imported: its run must fail with this error.
from ray import serve

raise RuntimeError("the model weights are missing")


@serve.deployment
class Never:
    async def __call__(self, request):
        return "never"


app = Never.bind()
