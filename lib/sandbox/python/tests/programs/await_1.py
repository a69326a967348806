import asyncio

async def func():
    print('test')
    response = await asyncio.sleep(2)
    print('任务执行完成', response)

async_obj = func()
asyncio.run(async_obj)
